/** wink-eng-lite-web-model's loaders (CommonJS, untyped), as the browser build imports them. */
declare module 'wink-eng-lite-web-model/dist/*' {
  const part: (...args: never[]) => unknown;
  export default part;
}
