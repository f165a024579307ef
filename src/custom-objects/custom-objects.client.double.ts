import type { CustomObjectsClient } from "./custom-objects.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`customObjectsClientDouble: ${name} was called but not given`));

/** A test double of the Custom Objects client: the given methods, every other one failing loudly. */
export const customObjectsClientDouble = (
  given: Partial<CustomObjectsClient> = {},
): CustomObjectsClient => ({
  list: given.list ?? unexpected("list"),
  get: given.get ?? unexpected("get"),
  create: given.create ?? unexpected("create"),
  update: given.update ?? unexpected("update"),
  delete: given.delete ?? unexpected("delete"),
});
