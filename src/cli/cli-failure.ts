import { ERROR_CATALOGUE, type AppError } from '../errors/index.ts';
import { CliError } from './cli-io.ts';

/**
 * An application failure as the CLI reports it: the message (with the JSON path when the
 * message does not already name it) and the error catalogue's exit code for the code (2 for
 * arguments that name nothing or are malformed, 1 for a refusal of a well-formed request).
 */
export function cliFailure(error: AppError): CliError {
  const where = error.path && !error.message.includes(error.path) ? ` (at ${error.path})` : '';
  return new CliError(`${error.message}${where}`, ERROR_CATALOGUE[error.code].exit);
}
