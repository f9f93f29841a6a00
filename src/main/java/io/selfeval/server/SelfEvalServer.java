package io.selfeval.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.selfeval.api.SelfEval;
import io.selfeval.cli.RuleCatalog;
import io.selfeval.read.TempFiles;
import io.selfeval.check.AbandonedWork;
import io.selfeval.check.Checker;
import io.selfeval.check.RuleFailureTally;
import io.selfeval.rules.RuleFailure;
import io.selfeval.model.CheckReport;
import io.selfeval.model.SubmissionResult;
import io.selfeval.read.Readers;
import io.selfeval.read.Submission;
import io.selfeval.read.Submissions;
import io.selfeval.report.ReportSink;
import io.selfeval.report.ReportSinks;
import io.selfeval.rules.RuleBase;
import io.selfeval.rules.RuleCompileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP service of {@code selfeval serve} (Javalin on Jetty):
 * <ul>
 *   <li>{@code POST /api/check} — multipart upload of one or more files, or a .zip; answers the JSON document of
 *   output-contract.md, or with {@code ?format=xlsx|html|text} that report; with {@code ?format=annotated} (and optionally
 *   {@code submission=<file>}) the marked-up copies with a 批注 at each finding, one file or a zip;</li>
 *   <li>{@code GET /api/rules} — the rule catalog, fingerprint, and the problems of the last edit that did not
 *   compile;</li>
 *   <li>{@code GET /api/health};</li>
 *   <li>{@code GET /} — the page reviewers upload files on.</li>
 * </ul>
 * Errors are {@code {"error": "…"}} in Chinese with a 4xx/5xx status. The rules folder is watched and reloaded
 * ({@link RulesReloader}). Uploads are limited in size, count and time, requests beyond the concurrency limit get
 * 503, uploaded files are deleted before the response is sent, and nothing reads a server path named by the caller.
 */
public final class SelfEvalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SelfEvalServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ?format=annotated: the marked-up Word/Excel copies instead of a report. */
    private static final String ANNOTATED = "annotated";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    /** Multipart framing (boundaries, part headers) on top of the files themselves. */
    private static final long MULTIPART_SLACK = 256 * 1024;
    /** What file systems hold in one name; a longer upload name is refused rather than cut. */
    static final int MAX_NAME_BYTES = 255;
    /** Paths answered without the token: the health check and the API description. */
    private static final java.util.Set<String> PUBLIC_PATHS = java.util.Set.of("/api/health", "/api/openapi.json");

    /** What the service is started with; the defaults suit one reviewer's machine. */
    public static final class Options {
        String bind = "127.0.0.1";
        int port = 8080;
        Path rulesDir = Path.of("rules");
        String rulesLabel;
        String token;
        long maxUploadBytes = Readers.MAX_FILE_BYTES;
        int maxFiles = 200;
        int maxConcurrent = Math.max(2, Runtime.getRuntime().availableProcessors());
        int maxQueued = 64;
        Duration queueWait = Duration.ofSeconds(120);
        Duration requestTimeout = Duration.ofSeconds(300);
        Duration fileTimeout = Checker.DEFAULT_TIMEOUT;
        Duration reloadInterval = Duration.ofSeconds(1);
        Path tempDir;
        io.selfeval.rules.RuleCache ruleCache = io.selfeval.rules.RuleCache.standard();

        /** Address to listen on; default 127.0.0.1. Any other address requires a {@link #token}. */
        public Options bind(String address) { this.bind = address; return this; }
        /** Port; 0 picks a free one (see {@link SelfEvalServer#port()}). */
        public Options port(int port) { this.port = port; return this; }
        public Options rules(Path dir) { this.rulesDir = dir; return this; }
        /** How the rules folder is named in reports; default the folder as given. */
        public Options rulesLabel(String label) { this.rulesLabel = label; return this; }
        /** Bearer token every /api request except /api/health must carry; required to bind beyond loopback. */
        public Options token(String token) { this.token = token == null || token.isBlank() ? null : token; return this; }
        /** Largest upload (all files of one request together); larger requests get 413. */
        public Options maxUploadBytes(long bytes) { this.maxUploadBytes = bytes; return this; }
        public Options maxFiles(int n) { this.maxFiles = n; return this; }
        /** Requests checked at once; more wait in the queue. */
        public Options maxConcurrent(int n) { this.maxConcurrent = n; return this; }
        /** Requests that may wait for a turn; beyond them (or after {@link #queueWait}) a request gets 503. */
        public Options maxQueued(int n) { this.maxQueued = n; return this; }
        public Options queueWait(Duration d) { this.queueWait = d; return this; }
        public Options requestTimeout(Duration d) { this.requestTimeout = d; return this; }
        public Options fileTimeout(Duration d) { this.fileTimeout = d; return this; }
        public Options reloadInterval(Duration d) { this.reloadInterval = d; return this; }
        /** Where uploads are kept while checked; default a fresh folder in the system's, removed on close. */
        public Options tempDir(Path dir) { this.tempDir = dir; return this; }
        /** Where compiled rules are kept between starts; default the user's cache ({@code RuleCache.none()}: none). */
        public Options ruleCache(io.selfeval.rules.RuleCache cache) { this.ruleCache = cache; return this; }
    }

    private final Options options;
    private final RulesReloader rules;
    /** Requests under way or waiting for a turn. */
    private final Semaphore permits;
    /** Requests being checked (held until the work has really stopped, also after a timeout answered). */
    private final Semaphore running;
    /** Requests waiting for a turn now. */
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService workers;
    private final Path tempRoot;
    private final boolean ownTemp;
    private final Javalin app;

    private SelfEvalServer(Options o) throws RuleCompileException, IOException {
        this.options = o;
        if (o.maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1");
        if (o.token == null && !isLoopback(o.bind)) {
            throw new IllegalArgumentException("监听地址 " + o.bind + " 不是本机回环地址，必须用 --token 设置访问令牌");
        }
        String label = o.rulesLabel != null ? o.rulesLabel : o.rulesDir.toString();
        SelfEval initial = SelfEval.builder().ruleBase(RuleBase.load(io.selfeval.rules.RulesSnapshot.read(o.rulesDir), o.ruleCache))
                .rulesLabel(label).timeout(o.fileTimeout).build();
        this.ownTemp = o.tempDir == null;
        this.tempRoot = ownTemp ? TempFiles.createDirectory("selfeval-serve-") : Files.createDirectories(o.tempDir);
        Path multipartDir = Files.createDirectories(tempRoot.resolve("multipart"));
        this.rules = new RulesReloader(o.rulesDir, initial, dir -> {
            try {
                return SelfEval.builder().ruleBase(RuleBase.load(io.selfeval.rules.RulesSnapshot.read(dir), o.ruleCache))
                        .rulesLabel(label).timeout(o.fileTimeout).build();
            } catch (RuleCompileException e) {
                throw RulesReloader.CompileFailure.of(e);
            }
        }, o.reloadInterval);
        if (o.maxQueued < 0) throw new IllegalArgumentException("maxQueued must not be negative");
        this.permits = new Semaphore(o.maxConcurrent + o.maxQueued);
        this.running = new Semaphore(o.maxConcurrent);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "selfeval-request");
            t.setDaemon(true);
            return t;
        });
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            // A known path asked with the wrong method (GET /api/check) is 405 with Allow, not 404.
            cfg.http.prefer405over404 = true;
            cfg.jetty.multipartConfig.cacheDirectory(multipartDir.toString());
            cfg.jetty.multipartConfig.maxFileSize(o.maxUploadBytes, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(o.maxUploadBytes + MULTIPART_SLACK, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(256 * 1024, SizeUnit.BYTES);
        });
        routes();
    }

    /**
     * Compiles the rules and starts listening.
     *
     * @throws RuleCompileException     when the rules do not compile at start
     * @throws IllegalArgumentException for a non-loopback address without a token
     */
    public static SelfEvalServer start(Options options) throws RuleCompileException, IOException {
        SelfEvalServer s = new SelfEvalServer(options);
        try {
            s.app.start(options.bind, options.port);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The admission permits, running or waiting (tests hold them to see the limit at work). */
    Semaphore permits() {
        return permits;
    }

    /** The permits of requests being checked (tests hold them to fill the workers). */
    Semaphore running() {
        return running;
    }

    /** The address to give a browser, e.g. http://127.0.0.1:8080/. */
    public String url() {
        String host = options.bind.contains(":") ? "[" + options.bind + "]" : options.bind;
        if (host.equals("0.0.0.0") || host.equals("[::]")) host = "127.0.0.1";
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            rules.close();
            workers.shutdownNow();
            if (ownTemp) TempFiles.delete(tempRoot);
        }
    }

    private void routes() {
        app.before(SecurityHeaders::common);
        app.before("/api/*", ctx -> {
            ctx.header("Cache-Control", "no-store");
            if (options.token != null && !PUBLIC_PATHS.contains(ctx.path()) && !authorized(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "需要访问令牌：请在请求头中加 Authorization: Bearer <令牌>");
            }
        });
        app.get("/", ctx -> page(ctx));
        app.get("/index.html", ctx -> page(ctx));
        app.get("/api/health", this::health);
        app.get("/api/rules", this::rulesInfo);
        app.post("/api/check", this::check);
        app.get("/api/openapi.json", ctx -> ctx.contentType(JSON_TYPE).result(openApi()));
        app.exception(ApiError.class, (e, ctx) -> {
            if (e.status >= 500) LOG.warn("{} {}：{}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, e.status, e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} 出错：{}", ctx.method(), ctx.path(), e.toString());
            LOG.debug("{} {} 出错", ctx.method(), ctx.path(), e);
            error(ctx, 500, "服务器内部错误，请稍后重试或联系管理员");
        });
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) error(ctx, 404, "未找到：" + ctx.path());
        });
        app.error(405, ctx -> {
            String allowed = ctx.path().equals("/api/check") ? "POST" : "GET";
            ctx.header("Allow", allowed);
            error(ctx, 405, "不支持此请求方法：" + ctx.method() + " " + ctx.path() + "（请用 " + allowed + "）");
        });
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, options.token.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType(JSON_TYPE).result(json(Map.of("error", message)));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void page(Context ctx) throws IOException {
        try (InputStream in = SelfEvalServer.class.getResourceAsStream("index.html")) {
            if (in == null) throw new ApiError(404, "本版本未包含网页");
            byte[] page = in.readAllBytes();
            ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", SecurityHeaders.pagePolicy(page)).result(page);
        }
    }

    /** The OpenAPI 3 description of these routes, kept in src/main/resources/api/openapi.json. */
    private static byte[] openApi() throws IOException {
        try (java.io.InputStream in = SelfEvalServer.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new ApiError(500, "服务缺少接口说明文件 openapi.json");
            return in.readAllBytes();
        }
    }

    private void health(Context ctx) {
        SelfEval current = rules.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("version", SelfEval.version());
        out.put("rules", Map.of("fingerprint", current.fingerprint(), "count", current.ruleBase().ruleCount()));
        out.put("rulesErrors", rules.lastAttempt().problems().size());
        // a check given up at its time limit keeps a core busy until it reaches its next checkpoint
        int abandoned = AbandonedWork.stillRunning();
        out.put("busy", options.maxConcurrent - running.availablePermits() + abandoned);
        out.put("abandoned", abandoned);
        out.put("queued", waiting.get());
        out.put("maxConcurrent", options.maxConcurrent);
        out.put("maxQueued", options.maxQueued);
        ctx.contentType(JSON_TYPE).result(json(out));
    }

    /** GET /api/rules: the catalog of {@code rules list --format json}, with when it was loaded and the last edit's errors. */
    private void rulesInfo(Context ctx) {
        SelfEval current = rules.current();
        RulesReloader.Attempt last = rules.lastAttempt();
        Map<String, Object> out = new LinkedHashMap<>(new RuleCatalog(current.ruleBase(), current.rulesInfo().dir()).data());
        out.put("loadedAt", rules.loadedAt().toString());
        // The page shows evidence under the same Chinese names as the text, workbook and HTML reports.
        out.put("evidenceLabels", io.selfeval.report.ReportTexts.evidenceLabels());
        out.put("errors", last.problems());
        out.put("errorsAt", last.problems().isEmpty() ? null : last.at().toString());
        ctx.contentType(JSON_TYPE).result(json(out));
    }

    /** POST /api/check: the uploads saved, grouped into submissions, checked on the rules of this moment. */
    private void check(Context ctx) throws Exception {
        String format = format(ctx.queryParam("format"));
        String only = ctx.queryParam("submission");
        long length = ctx.req().getContentLengthLong();
        if (length > options.maxUploadBytes + MULTIPART_SLACK) throw tooLarge();
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiError(400, "请以 multipart/form-data 方式上传文件（一个或多个报告文件，或一个 .zip）");
        }
        if (!permits.tryAcquire()) {
            ctx.header("Retry-After", "5");
            throw new ApiError(503, "服务繁忙：正在处理和排队的请求已达上限（" + (options.maxConcurrent + options.maxQueued)
                    + "个），请稍后重试");
        }
        boolean handedOver = false;
        boolean turn = false;
        Path dir = null;
        try {
            dir = TempFiles.createDirectory(tempRoot, "upload-");
            List<SubmissionResult> refused = new ArrayList<>();
            Set<String> archives = save(ctx, dir, refused);
            // Wait for a turn (bounded): a burst queues instead of being refused.
            waiting.incrementAndGet();
            try {
                turn = running.tryAcquire(options.queueWait.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                waiting.decrementAndGet();
            }
            if (!turn) {
                ctx.header("Retry-After", "10");
                throw new ApiError(503, "服务繁忙：排队等候超过" + Math.max(1, options.queueWait.toSeconds()) + "秒，请稍后重试");
            }
            SelfEval engine = rules.current();
            Path workDir = dir;
            Future<AnnotatedDownload.Body> f = workers.submit(() -> {
                try {
                    if (format.equals(ANNOTATED)) return annotateUploads(engine, workDir, archives, only);
                    String name = format.equals("xlsx") || format.equals("html") ? "审核结果." + format : null;
                    return new AnnotatedDownload.Body(render(engine, format, checkUploads(engine, workDir, archives, refused)),
                            contentType(format), name);
                } finally {
                    TempFiles.delete(workDir);
                    running.release();
                    permits.release();
                }
            });
            handedOver = true;
            AnnotatedDownload.Body body;
            try {
                body = f.get(options.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new ApiError(503, "处理超时（超过" + Math.max(1, options.requestTimeout.toSeconds()) + "秒），请减少一次上传的文件数后重试");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiError a) throw a;
                throw e.getCause() instanceof Exception x ? x : e;
            }
            ctx.status(200).contentType(body.contentType()).result(body.bytes());
            if (format.equals("html")) ctx.header("Content-Security-Policy", SecurityHeaders.REPORT_POLICY);
            if (body.fileName() != null) {
                String name = body.fileName();
                String ascii = "result" + name.substring(name.lastIndexOf('.'));
                ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        } finally {
            if (!handedOver) {
                TempFiles.delete(dir);
                if (turn) running.release();
                permits.release();
            }
        }
    }

    private static String format(String given) {
        if (given == null || given.isBlank()) return "json";
        if (given.strip().equalsIgnoreCase(ANNOTATED)) return ANNOTATED;
        String f = ReportSinks.normalize(given);
        if (f == null) throw new ApiError(400, "format 的取值应为 json、xlsx、html、text 或 annotated，实为：" + given);
        if (!ReportSinks.available(f)) throw new ApiError(400, "本版本暂不提供 " + f + " 格式的报告，请使用 json");
        return f;
    }

    private static String contentType(String format) {
        return switch (format) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "html" -> "text/html; charset=utf-8";
            case "text" -> "text/plain; charset=utf-8";
            case "junit" -> "application/xml; charset=utf-8";
            case "sarif" -> "application/sarif+json; charset=utf-8";
            default -> JSON_TYPE;
        };
    }

    private ApiError tooLarge() {
        return new ApiError(413, "上传内容过大：一次最多 " + mb(options.maxUploadBytes) + "，请分批上传");
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /**
     * Saves every uploaded file under {@code dir} by a safe name of its own (never a path the client chose).
     * Files of a type that is not checked become unreadable results; returns the names of the saved archives.
     */
    private Set<String> save(Context ctx, Path dir, List<SubmissionResult> refused) throws IOException {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (Exception e) { // Jetty's IOException/ServletException come through Kotlin unchecked
            if (exceedsLimit(e)) throw tooLarge();
            LOG.debug("无法解析上传内容", e);
            throw new ApiError(400, "上传内容无法解析（multipart 格式有误）");
        }
        if (files.isEmpty()) throw new ApiError(400, "没有收到文件：请上传报告文件（.docx、.doc、.xlsx、.xls、.pdf、.html、.txt）或 .zip");
        if (files.size() > options.maxFiles) {
            throw new ApiError(413, "一次上传的文件过多（" + files.size() + "个，上限" + options.maxFiles + "个），请打包为 .zip 或分批上传");
        }
        long budget = options.maxUploadBytes;
        Set<String> used = new HashSet<>();
        Set<String> archives = new HashSet<>();
        int saved = 0;
        for (UploadedFile f : files) {
            if (f.filename() != null && f.filename().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new ApiError(400, "文件名过长（超过" + MAX_NAME_BYTES + "字节）：" + preview(f.filename()) + "……，请改短后重新上传");
            }
            String name = unique(SelfEval.safeFileName(f.filename()), used);
            if (!Readers.isSupported(Path.of(name))) {
                refused.add(Checker.unreadable(name, "不支持的文件类型：请上传 .docx、.doc、.xlsx、.xls、.pdf、.html/.htm/.mht、.txt 或 .zip 文件"));
                continue;
            }
            Path target = dir.resolve(name);
            long copied;
            try (InputStream in = f.content()) {
                if (!SelfEval.copyLimited(in, target, budget)) throw tooLarge();
            } catch (RuntimeException e) {
                if (exceedsLimit(e)) throw tooLarge();
                throw e;
            }
            copied = Files.size(target);
            budget -= copied;
            saved++;
            if (Readers.isArchiveName(target)) archives.add(name);
        }
        if (saved == 0 && refused.isEmpty()) throw new ApiError(400, "没有收到文件");
        return archives;
    }

    private static String preview(String name) {
        return name.codePointCount(0, name.length()) <= 30 ? name : name.substring(0, name.offsetByCodePoints(0, 30));
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n.toLowerCase(java.util.Locale.ROOT)); i++) {
            int dot = name.lastIndexOf('.');
            n = dot > 0 ? name.substring(0, dot) + "（" + i + "）" + name.substring(dot) : name + "（" + i + "）";
        }
        return n;
    }

    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("maxrequestsize")) return true;
        }
        return false;
    }

    /**
     * The submissions of one upload, checked in order. An uploaded archive that cannot be unpacked safely (a path
     * leaving the folder, too many entries, a zip bomb, damaged) refuses the request (400) rather than being
     * reported as a submission. A rule that fails on every submission answers 500 naming the rule.
     */
    private static List<SubmissionResult> checkUploads(SelfEval engine, Path dir, Set<String> archives,
                                                       List<SubmissionResult> refused) {
        try (Submissions all = new Submissions()) {
            List<Submission> found = all.collect(dir, "", p -> false);
            for (Submission s : found) {
                if (s.error() != null && archives.contains(s.name())) throw new ApiError(400, s.name() + "：" + s.error());
            }
            List<SubmissionResult> results = new ArrayList<>(engine.checkEach(found));
            // A rule that failed on every report leaves nothing worth answering: the rules, not the uploads, are at fault.
            RuleFailure broken = RuleFailureTally.of(results).failedEverywhere().orElse(null);
            if (broken != null) throw new ApiError(500, "规则出错，无法完成检查：" + broken.message() + "请联系规则维护人员修改规则。");
            for (SubmissionResult r : refused) results.add(engine.named(r));
            return results;
        }
    }

    /** ?format=annotated: the uploads checked and their marked-up copies (see {@link AnnotatedDownload}). */
    private static AnnotatedDownload.Body annotateUploads(SelfEval engine, Path dir, Set<String> archives, String only)
            throws IOException {
        try (Submissions all = new Submissions()) {
            List<Submission> found = all.collect(dir, "", p -> false);
            for (Submission s : found) {
                if (s.error() != null && archives.contains(s.name())) throw new ApiError(400, s.name() + "：" + s.error());
            }
            List<SubmissionResult> results = engine.checkEach(found);
            RuleFailure broken = RuleFailureTally.of(results).failedEverywhere().orElse(null);
            if (broken != null) throw new ApiError(500, "规则出错，无法完成检查：" + broken.message() + "请联系规则维护人员修改规则。");
            Path out = Files.createDirectories(dir.resolve(".annotated"));
            return AnnotatedDownload.of(engine, found, results, only, out);
        }
    }

    private static byte[] render(SelfEval engine, String format, List<SubmissionResult> results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportSink sink = ReportSinks.create(format, out, engine.ruleBase());
        sink.begin(engine.tool(), engine.rulesInfo());
        for (SubmissionResult r : results) sink.submission(r);
        sink.end(CheckReport.Summary.of(results));
        return out.toByteArray();
    }

    static boolean isLoopback(String address) {
        try {
            for (InetAddress a : InetAddress.getAllByName(address)) {
                if (!a.isLoopbackAddress()) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
