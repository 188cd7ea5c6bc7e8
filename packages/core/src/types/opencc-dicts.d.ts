/** opencc-js ships its dictionaries as modules of one string each ("a b|c d"), without types. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
