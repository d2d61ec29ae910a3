import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font family the chart's SVG asks for. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

let cached: string[] | undefined;

/**
 * The TrueType files the chart is drawn with: DejaVu Sans (regular and bold) from the
 * `dejavu-fonts-ttf` package, so rendering needs no system fonts and looks the same
 * everywhere. Empty when the package is missing: the chart is then drawn without its labels
 * (the numbers are in the message text beside it anyway).
 */
export function chartFontFiles(): string[] {
  if (cached) return cached;
  try {
    const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
    cached = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(root, 'ttf', f)).filter((f) => existsSync(f));
  } catch {
    cached = [];
  }
  return cached;
}
