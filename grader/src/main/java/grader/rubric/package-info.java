/** Points per graded test, loaded from the rubric files and checked against the discovered tests. */
package grader.rubric;
