/**
 * How long to wait, in the reader's language with the right plural ("1 секунда", "5 секунд"):
 * seconds under two minutes, whole minutes (rounded up) after that.
 */
export function waitWords(seconds: number, lng: string) {
  const [value, unit] = seconds < 120 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  return new Intl.NumberFormat(lng, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
