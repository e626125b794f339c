/** First stop of the keyboard: jumps over the header to the page's content. Hidden until focused. */
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only rounded-md bg-white px-4 py-3 font-semibold text-blue-900 underline focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:px-4 focus:py-3 focus:shadow-lg"
    >
      Aller au contenu
    </a>
  );
}
