// tsconfig uses node10 resolution, which ignores package "exports"; map the subpath for the type checker.
// esbuild resolves the real export at bundle time.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
