/**
 * A section's state holder: `get` the state now, `set` the next one (made by the section's state functions),
 * after which the store calls back, and the section's views redraw. One per mounted section.
 */

/** Holds a section's state; `set` makes a new one current and tells the views. */
export interface Store<S> {
  get(): S;
  set(next: S): void;
}

/** A store that calls `onChange` after every `set`. */
export function createStore<S>(initial: S, onChange: (s: S) => void): Store<S> {
  let state = initial;
  return {
    get: () => state,
    set: (next) => {
      state = next;
      onChange(state);
    },
  };
}
