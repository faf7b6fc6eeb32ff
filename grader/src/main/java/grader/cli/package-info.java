/** The command line: parses arguments, picks the sandbox, runs the engine and writes the reports; the only code that touches standard streams or exits. */
package grader.cli;
