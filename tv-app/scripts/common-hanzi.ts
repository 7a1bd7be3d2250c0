// The common-character set: GB 2312 level 1, the 3,755 most used simplified characters, decoded from the
// code table itself (rows 0xB0–0xD7) so the list needs no data file and is the same on every machine.

const LEVEL1_FIRST_ROW = 0xb0;
const LEVEL1_LAST_ROW = 0xd7;
const FIRST_CELL = 0xa1;
const LAST_CELL = 0xfe;
const LAST_CELL_OF_LAST_ROW = 0xf9; // row 0xD7 ends early

export function listCommonHanzi(): string {
  const bytes: number[] = [];
  for (let row = LEVEL1_FIRST_ROW; row <= LEVEL1_LAST_ROW; row++) {
    const lastCell = row === LEVEL1_LAST_ROW ? LAST_CELL_OF_LAST_ROW : LAST_CELL;
    for (let cell = FIRST_CELL; cell <= lastCell; cell++) bytes.push(row, cell);
  }
  return new TextDecoder('gbk').decode(new Uint8Array(bytes));
}
