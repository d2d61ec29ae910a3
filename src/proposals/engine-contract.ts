/**
 * The engine contract (`shared/docs/engine.md`) the previews and stored outcomes of this code
 * are computed under. A proposal's stored outcome carries it; `approve` applies a stored
 * outcome as is only when it was computed under this contract, and re-checks any other with
 * the engine (what a figure means may have changed in between: under Contract 2 a
 * calculation is tracked through its `metric` only). Raise it whenever the engine's figures
 * or operations change meaning.
 */
export const ENGINE_CONTRACT = 2;
