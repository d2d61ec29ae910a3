/** The workspace cases go to when none is named (and the one a fresh installation's demo case lives in). */
export const DEFAULT_WORKSPACE = 'default';
