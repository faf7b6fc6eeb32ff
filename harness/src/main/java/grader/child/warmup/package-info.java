/** A tiny suite that walks the harness's usual paths once, so a class-data archive of them can be dumped. */
package grader.child.warmup;
