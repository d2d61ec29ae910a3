/**
 * The summary's fields in the contract's order ("Document and summary formats" in
 * `shared/docs/engine.md`), written out by hand from the contract's text; the tests of every
 * door that prints a summary check against these.
 */
export const SUMMARY_KEYS = [
  'scenario',
  'kind',
  'currency',
  'asOf',
  'start',
  'months',
  'total',
  'realizedToDate',
  'measuredToDate',
  'carriedForwardToDate',
  'assumedToDate',
  'estimatedToDate',
  'varianceToDate',
  'projectedTotal',
  'projectedRoi',
  'investmentTotal',
  'investmentToDate',
  'roi',
  'roiToDate',
  'benefitMultiple',
  'paybackMonth',
  'monthly',
  'useCases',
];
/** One month of the summary. */
export const MONTH_KEYS = ['month', 'benefit', 'cumulative', 'realized', 'measured', 'carriedForward', 'assumed', 'estimated'];
/** One use case of the summary. */
export const USE_CASE_KEYS = ['id', 'name', 'total', 'realizedToDate', 'measuredToDate', 'assumedToDate', 'estimatedToDate', 'varianceToDate', 'calculations'];
/** One calculation of the summary. */
export const CALCULATION_KEYS = ['id', 'name', 'total', 'realizedToDate', 'tracked', 'metric', 'lastMeasured'];
