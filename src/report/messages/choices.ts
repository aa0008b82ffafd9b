/** The ids of an issue's `expected` (joined by “, ”) beside their labels (its `choices`, joined by “ | ”), in order; an id without a label stands for itself. */
export const zipChoices = (expected: string, choices: string): [string, string][] => {
  const labels = String(choices).split(" | ");
  return String(expected).split(", ").map((id, i) => [id, labels[i] ?? id]);
};
