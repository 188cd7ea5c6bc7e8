/** Kept equal to package.json's version (a test checks); not read at run time so bundles need no JSON file. */
export const SERVER_VERSION = '0.1.0';
