/**
 * What every section of the task pane is given and gives back: one mount signature for all of them,
 * `mount(root, ctx) → { render, unmount }`, with ctx = { host, lang, announce }:
 * - `host`: the way to the workbook (./host.ts): `Excel.run` or a test's stand-in, requirement sets, and
 *   whether a workbook is there at all;
 * - `lang`: the pane's language now and a way to hear when it changes (./language.ts by default);
 * - `announce(text)`: says something to screen readers through the pane's one polite live region, for news
 *   that has no place of its own on the page (why a button does nothing yet, for instance).
 */
import type { Lang } from "./i18n";
import { currentLang, onLangChange } from "./language";
import { paneHost, type PaneHost } from "./host";
import { el } from "./dom";
import { createStore, type Store } from "./store";
import type { PartView } from "./views/parts";

/** The pane's language as sections see it. */
export interface LangSource {
  /** The language now. */
  current(): Lang;
  /** Calls `listener` after every change; returns a function that stops that. */
  onChange(listener: (lang: Lang) => void): () => void;
}

/** What a section is given. */
export interface PaneContext {
  host: PaneHost;
  lang: LangSource;
  /** Says `text` to screen readers (politely: after what they are reading). */
  announce: (text: string) => void;
}

/** A mounted section. */
export interface Section {
  /** Re-renders (done by the section itself when the language changes). */
  render(): void;
  /** Stops following the language; the section's elements stay as they are. */
  unmount(): void;
}

/** The one mount signature of the pane's sections. */
export type MountSection = (root: HTMLElement, ctx: PaneContext) => Section;

/** The id of the pane's live region for `announce`. */
export const ANNOUNCER_ID = "pane-announcer";

/**
 * The pane's live region: `#pane-announcer` if the page has one, else made (visually hidden, role status) at
 * the end of `<main>` (or of the body).
 */
function announcer(): HTMLElement {
  const found = document.getElementById(ANNOUNCER_ID);
  if (found) return found;
  const region = el("div", "visually-hidden");
  region.id = ANNOUNCER_ID;
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  (document.querySelector("main") ?? document.body).appendChild(region);
  return region;
}

/**
 * Replaces the live region's text. The same text twice in a row is still read twice: the region is emptied
 * first and filled on the next frame.
 */
export function announceInPane(text: string): void {
  const region = announcer();
  region.textContent = "";
  const fill = (): void => {
    region.textContent = text;
  };
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(fill);
  else fill();
}

/** The pane's context: the real host, the shared language store and the pane's live region, unless given. */
export function paneContext(overrides: Partial<PaneContext> = {}): PaneContext {
  return {
    host: overrides.host ?? paneHost(),
    lang: overrides.lang ?? { current: currentLang, onChange: onLangChange },
    announce: overrides.announce ?? announceInPane,
  };
}

/** The parts of a section made of a state, actions and views (the scorecard, the customer analysis). */
export interface SectionParts<S, A, M> {
  /** The class of the box the views go into. */
  className: string;
  /** The section's first state. */
  initial: S;
  /** Its actions on its store, through the pane's host. */
  actions(store: Store<S>, host: PaneHost): A;
  /** Its views, in page order, made once with the actions (`announce`: the pane's live region). */
  views(actions: A, announce: (text: string) => void): PartView<M>[];
  /** What the views draw, from the state and the pane's language. */
  model(state: S, lang: Lang): M;
}

/**
 * Mounts a section from its parts: a store whose every change redraws the views (and the language's too), the
 * views in a box replacing `root`'s content, `root`'s `data-state` saying "busy", the last outcome's kind or
 * "idle" (tests and styles wait on it). Returns the section and its actions.
 */
export function mountParts<S extends { busy: unknown; outcome: { kind: string } | null }, A, M>(
  root: HTMLElement,
  ctx: PaneContext,
  parts: SectionParts<S, A, M>,
): { section: Section; actions: A } {
  let views: PartView<M>[] = [];
  const render = (): void => {
    const state = store.get();
    root.dataset.state = state.busy ? "busy" : (state.outcome?.kind ?? "idle");
    const model = parts.model(state, ctx.lang.current());
    for (const v of views) v.update(model);
  };
  const store = createStore(parts.initial, render);
  const actions = parts.actions(store, ctx.host);
  views = parts.views(actions, ctx.announce);
  const box = el("div", parts.className);
  box.append(...views.map((v) => v.element));
  root.replaceChildren(box);
  const stop = ctx.lang.onChange(render);
  render();
  return { section: { render, unmount: stop }, actions };
}
