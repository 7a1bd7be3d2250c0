import { describe, expect, it } from 'vitest';
import { can, screensFor } from './roles.ts';

describe('console roles', () => {
  it('offers operators only to admins and audit only to admins', () => {
    expect(screensFor('admin')).toContain('operators');
    expect(screensFor('scheduler')).not.toContain('operators');
    expect(screensFor('viewer')).not.toContain('audit');
  });

  it('lets schedulers and admins publish, never viewers or curators', () => {
    expect(can('scheduler', 'publish')).toBe(true);
    expect(can('admin', 'publish')).toBe(true);
    expect(can('viewer', 'publish')).toBe(false);
    expect(can('curator', 'publish')).toBe(false);
    expect(can(undefined, 'publish')).toBe(false);
  });

  it('offers each screen by the contract table: carriers see only the dashboards, schedulers no catalogue', () => {
    expect(screensFor('carrier')).toEqual(['dashboards']);
    expect(screensFor('scheduler')).toEqual(['channels', 'layouts', 'releases', 'dashboards']);
    expect(screensFor('curator')).toEqual([
      'channels',
      'layouts',
      'releases',
      'catalogue',
      'packaging',
      'dashboards',
    ]);
    expect(screensFor('admin')).toHaveLength(9);
    expect(screensFor('viewer')).not.toContain('packaging');
  });
});
