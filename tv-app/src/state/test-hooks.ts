// Handles the end-to-end tests and the benchmark read (window.__ketang): the renderer, the player.
type Hooks = Record<string, unknown>;

export function exposeForTests(name: string, value: unknown): void {
  const w = window as unknown as { __ketang?: Hooks };
  w.__ketang = { ...(w.__ketang ?? {}), [name]: value };
}
