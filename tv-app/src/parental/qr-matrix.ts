// The QR code of a phone link as rectangles: qrcode-generator (MIT, no dependencies) makes the matrix, and each
// row's runs of dark modules become one rect, so the TV draws a few hundred nodes instead of one per module.
import qrcode from 'qrcode-generator';

/** A run of dark modules in one row, in modules (quiet zone not included). */
export type QrRun = { row: number; col: number; length: number };

export type QrMatrix = { modules: number; runs: QrRun[] };

/** The quiet zone around the code, in modules (the standard asks for 4). */
export const QR_QUIET_MODULES = 4;

export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const modules = code.getModuleCount();
  const runs: QrRun[] = [];
  for (let row = 0; row < modules; row++) {
    let col = 0;
    while (col < modules) {
      if (!code.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules && code.isDark(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { modules, runs };
}
