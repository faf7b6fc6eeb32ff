/** Exercise 3: send HTTP requests concurrently with HttpClient.sendAsync and CompletableFuture. */
package exercises.async;
