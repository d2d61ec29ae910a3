/** The states of a proposal; only `pending` ever changes, and only once. */
export const PROPOSAL_STATUSES = ['pending', 'applied', 'rejected', 'expired', 'refused'] as const;

/** Where a proposal stands; only `pending` ever changes, and only once. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
