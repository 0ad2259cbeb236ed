import { MemoryEventStore } from "../../src/store/mod.ts";
import { eventStoreContract, eventStoreUpdateContract } from "../contract/event_store_contract.ts";

eventStoreContract(
  "MemoryEventStore",
  () =>
    Promise.resolve({
      store: new MemoryEventStore(),
      [Symbol.asyncDispose]: () => Promise.resolve(),
    }),
);

eventStoreUpdateContract(
  "MemoryEventStore",
  () =>
    Promise.resolve({
      store: new MemoryEventStore(),
      [Symbol.asyncDispose]: () => Promise.resolve(),
    }),
);
