/** A bench's command-line option: the word after `--name`, else `fallback`. */
export function cliArg(name: string): string | undefined;
export function cliArg(name: string, fallback: string): string;
export function cliArg(name: string, fallback?: string): string | undefined {
  return process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback;
}
