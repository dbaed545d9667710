// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one. Imported for its effect
// by the tests that render the pane or the standalone page.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
