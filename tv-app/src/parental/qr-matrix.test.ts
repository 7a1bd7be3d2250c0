import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-matrix.ts';

describe('qrMatrix', () => {
  it('makes runs inside the matrix, the finder patterns in three corners', () => {
    const { modules, runs } = qrMatrix('http://192.168.1.20:8080/family/#t=abc.def-ghi_123');
    expect(modules).toBeGreaterThanOrEqual(21);
    for (const run of runs) {
      expect(run.length).toBeGreaterThan(0);
      expect(run.col + run.length).toBeLessThanOrEqual(modules);
    }
    const firstRow = runs.filter((run) => run.row === 0);
    expect(firstRow[0]).toEqual({ row: 0, col: 0, length: 7 });
    expect(firstRow.at(-1)).toEqual({ row: 0, col: modules - 7, length: 7 });
    expect(runs.filter((run) => run.row === modules - 1)[0]).toEqual({ row: modules - 1, col: 0, length: 7 });
  });
});
