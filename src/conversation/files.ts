/**
 * Reading a file a person hands the command line (a scenario, a script) with a size cap, as the
 * policy files are read. Its own small door, so that the commands load nothing more for it.
 */
export { readFileCapped, readStreamCapped, type ReadResult } from "../policy/read-file.ts";
