import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { readNumber } from '../resolve/read-number.ts';

/**
 * A value a person typed into a form (the web's table cell and Measurements tab), read by the
 * same lexicon as the chat and the CSV import (`src/resolve/read-number.ts`): "1,234.5",
 * "42%" (0.42), "-3", "3.2k"; a number that cannot be read as exactly one value ("1e308",
 * "1.250,5", digits of another script) is refused with the reason, never rounded or cut. The
 * error's message completes a sentence about the value ("... is not a number (...)").
 */
export function readTypedValue(text: string): Outcome<number> {
  const reading = readNumber(text);
  if (reading === null) return failWith('invalid_argument', 'is not a number (write e.g. 1250, 12.5 or 42%)', { field: 'value' });
  if (!reading.ok) return failWith('invalid_argument', `cannot be read exactly: ${reading.reason}`, { field: 'value' });
  return succeed(reading.value);
}
