/** Exercise 3, reference solution: concurrent HTTP requests with HttpClient.sendAsync and CompletableFuture. */
package exercises.async;
