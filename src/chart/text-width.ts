/**
 * Advance widths of DejaVu Sans (regular and bold), in thousandths of an em, for the
 * printable ASCII characters 32..126 and a few others the chart prints. Read once from the
 * font files of `dejavu-fonts-ttf` (hmtx through the Unicode cmap), so the chart can lay out
 * its legend and labels without measuring text at run time.
 */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838,
  531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390,
  838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337,
  636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838,
  580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457,
  838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365,
  712, 838,
];
const OTHER: Record<string, [number, number]> = {
  '–': [500, 500],
  '—': [1000, 1000],
  '·': [318, 380],
  '…': [1000, 1000],
  '€': [636, 696],
  '£': [636, 696],
  '¥': [636, 696],
  '₹': [636, 696],
  '×': [838, 838],
  '’': [318, 380],
  '‘': [318, 380],
  '“': [518, 657],
  '”': [518, 657],
};

/**
 * The width in pixels of `text` set in DejaVu Sans at `fontSize` pixels (no kerning, which
 * only narrows it). A character the table does not know counts as a full em, so an estimate
 * is never short.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 32 && c <= 126) units += (bold ? BOLD : REGULAR)[c - 32]!;
    else units += OTHER[ch]?.[bold ? 1 : 0] ?? 1000;
  }
  return (units / 1000) * fontSize;
}

/** `text` shortened with an ellipsis to fit `maxWidth` pixels (unchanged when it fits). */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
