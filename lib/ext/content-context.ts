/**
 * The context WXT's content-script entry hands to `main(ctx)` (the build swaps WXT's own class for
 * this one: wxt.config.ts). We use only `ctx.signal`.
 *
 * Why not WXT's class: to let a re-injected copy of a script stop the old one, it announces every
 * start to the page, with `window.postMessage({type: "<extension id>:<entrypoint>:wxt:content-script-started"})`
 * and a document event of the same name. Any page script listening for messages (most sites do)
 * would learn that its visitor runs this extension, and which one: the id is public. Our content
 * scripts are never re-injected into a live page (the manifest declares them; an update leaves the
 * old copy orphaned, and it keeps warning with what it has), so there is nothing to announce.
 * tests/e2e/detection.e2e.test.ts ("messages") records what a page can hear from its first moment.
 */
export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}

  /** aborted when the script should stop (nothing in production aborts it today) */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }
}
