// Strings across the wasm boundary, shared by the page (js/*.js) and the analysis worker (worker.js):
// exported C functions take UTF-8 pointers, and scenario texts are far larger than the stack ccall
// would copy them to, so each string argument is copied to the heap for the call and freed after.

// Calls `fn` with `args`, each string copied to `module`'s heap (other arguments pass as they are);
// returns fn's result as it is (a number, a pointer or undefined).
export function callWithStrings(module, fn, args) {
  const pointers = [];
  try {
    const cArgs = args.map((arg) => {
      if (typeof arg !== 'string') return arg;
      const size = module.lengthBytesUTF8(arg) + 1;
      const pointer = module._malloc(size);
      module.stringToUTF8(arg, pointer, size);
      pointers.push(pointer);
      return pointer;
    });
    return fn(...cArgs);
  } finally {
    pointers.forEach((pointer) => module._free(pointer));
  }
}

// The same for functions returning a C string: the string, parsed as JSON if `parse`.
export function callForString(module, fn, args, parse) {
  const result = callWithStrings(module, fn, args);
  if (result === undefined) return undefined;
  const text = module.UTF8ToString(result);
  return parse ? JSON.parse(text) : text;
}
