// Types of checkout-order.mjs (plain JavaScript: the load generators run it without a loader).
export function checkoutOrder(
  o: { variants: string[]; servicePoint: string; token: string; run: string },
  i: number,
): { headers: Record<string, string>; body: string };
