/** Grades a folder of submissions for an instructor: discovery, parallel grading, resumable outputs, shards and the gradebook. */
package grader.batch;
