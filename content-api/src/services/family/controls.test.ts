import { describe, expect, it } from 'vitest';
import type { Facet } from '@ketang/catalog';
import { defaultControls, isBedtime } from './controls.ts';

const stage = (zh: string): Facet => ({ id: 's', kind: 'stage', name: { zh }, order: 0 });

describe('controls', () => {
  it('breaks every 20 minutes in primary school, 30 otherwise', () => {
    expect(defaultControls(stage('小学')).breakEveryMinutes).toBe(20);
    expect(defaultControls(stage('小学（五•四学制）')).breakEveryMinutes).toBe(20);
    expect(defaultControls(stage('初中')).breakEveryMinutes).toBe(30);
    expect(defaultControls(undefined)).toMatchObject({
      breakEveryMinutes: 30,
      dailyQuotaMinutes: null,
      bedtime: null,
    });
  });

  it('reads bedtime in the time zone, within a day or across midnight', () => {
    const night = { start: '21:30', end: '06:30' };
    const nap = { start: '12:00', end: '14:00' };
    const shanghai = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);
    expect(isBedtime(night, 'Asia/Shanghai', shanghai('21:29'))).toBe(false);
    expect(isBedtime(night, 'Asia/Shanghai', shanghai('21:30'))).toBe(true);
    expect(isBedtime(night, 'Asia/Shanghai', shanghai('03:00'))).toBe(true);
    expect(isBedtime(night, 'Asia/Shanghai', shanghai('06:30'))).toBe(false);
    expect(isBedtime(nap, 'Asia/Shanghai', shanghai('13:00'))).toBe(true);
    expect(isBedtime(nap, 'Europe/London', shanghai('13:00'))).toBe(false);
    expect(isBedtime(null, 'Asia/Shanghai', shanghai('03:00'))).toBe(false);
  });
});
