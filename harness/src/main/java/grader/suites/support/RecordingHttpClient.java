package grader.suites.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} a test hands to the student's code: it does everything through a real
 * client and records how it was asked, so a test can tell {@code send} from {@code sendAsync} and
 * see what each response body was turned into.
 *
 * <p>The body subscriber's class shows how a body was consumed: {@code BodyHandlers.ofFile}
 * produces the JDK's {@code ResponseSubscribers$PathSubscriber}, which streams to disk, while
 * {@code ofByteArray} or {@code ofString} collect the whole body in memory first.
 */
public final class RecordingHttpClient extends HttpClient {

  /** How a request was sent. */
  public enum Mode {
    SEND,
    SEND_ASYNC
  }

  /** One call of {@code send} or {@code sendAsync}. */
  public record Call(Mode mode, URI uri, long atNanos) {
    public Call {
      Objects.requireNonNull(mode, "mode must not be null");
      Objects.requireNonNull(uri, "uri must not be null");
    }
  }

  /**
   * The body subscriber the student's handler chose for one response. {@code subscriberClass} is
   * module-qualified for a class of a named module ({@code java.net.http/jdk.internal...}), so a
   * class of the student's that is merely named like the JDK's never passes for it.
   */
  public record Subscription(URI uri, int status, String subscriberClass) {
    public Subscription {
      Objects.requireNonNull(uri, "uri must not be null");
      Objects.requireNonNull(subscriberClass, "subscriberClass must not be null");
    }

    /** True if the body went to a file as it arrived ({@code BodyHandlers.ofFile}). */
    public boolean streamsToFile() {
      return subscriberClass.equals(JDK_PATH_SUBSCRIBER);
    }
  }

  /** What {@code BodyHandlers.ofFile} gives, module and all. */
  static final String JDK_PATH_SUBSCRIBER = "java.net.http/jdk.internal.net.http.ResponseSubscribers$PathSubscriber";

  private final HttpClient delegate;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  private RecordingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** Records the calls made on {@code delegate}, which does the real work. */
  public static RecordingHttpClient wrapping(HttpClient delegate) {
    return new RecordingHttpClient(Objects.requireNonNull(delegate, "delegate must not be null"));
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** How many calls were made in {@code mode}. */
  public long count(Mode mode) {
    return calls.stream().filter(c -> c.mode() == mode).count();
  }

  /** The body subscribers chosen so far, in the order the responses arrived. */
  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws IOException, InterruptedException {
    calls.add(new Call(Mode.SEND, request.uri(), System.nanoTime()));
    return delegate.send(request, recorded(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
    calls.add(new Call(Mode.SEND_ASYNC, request.uri(), System.nanoTime()));
    return delegate.sendAsync(request, recorded(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
      PushPromiseHandler<T> pushPromiseHandler) {
    calls.add(new Call(Mode.SEND_ASYNC, request.uri(), System.nanoTime()));
    return delegate.sendAsync(request, recorded(request, handler), pushPromiseHandler);
  }

  private <T> BodyHandler<T> recorded(HttpRequest request, BodyHandler<T> handler) {
    if (handler == null) {
      return null; // let the real client report the null as it always does
    }
    return info -> {
      BodySubscriber<T> subscriber = handler.apply(info);
      subscriptions.add(new Subscription(request.uri(), info.statusCode(),
          subscriber == null ? "null" : qualifiedName(subscriber.getClass())));
      return subscriber;
    };
  }

  private static String qualifiedName(Class<?> type) {
    Module module = type.getModule();
    return module.isNamed() ? module.getName() + "/" + type.getName() : type.getName();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
