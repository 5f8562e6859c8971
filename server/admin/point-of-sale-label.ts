/** How a point of sale is named everywhere it is shown: "Магазин «Зв’язок» на Соборній, Бар". */
export function pointOfSaleLabel(name: string | null, town: string | null): string | null {
  return name ? `${name}, ${town ?? ''}`.replace(/, $/, '') : null;
}
