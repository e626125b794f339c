/** « a », « a et b », « a, b et c » — a French list in running text. */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** « text », with non-breaking spaces inside the guillemets so a line never starts with ». */
export function frenchQuote(text: string): string {
  return `«\u00a0${text}\u00a0»`;
}
