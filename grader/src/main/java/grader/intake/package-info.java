/** Copies the accepted files of a submission (folder or zip) into a private work dir, safely. */
package grader.intake;
