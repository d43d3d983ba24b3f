export function of(size) {
  const table = { small: 450, medium: 600, large: 800 };
  return table[size] ?? 0;
}
