let counter = 0;
/** A build-wide sequence for <Value> note ids. */
export const nextValueId = () => ++counter;
