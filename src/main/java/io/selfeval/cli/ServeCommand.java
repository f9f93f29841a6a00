package io.selfeval.cli;

import io.selfeval.rules.RuleCompileException;
import io.selfeval.server.SelfEvalServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the HTTP service and web page (io.selfeval.server), until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "网页服务：浏览器打开后上传报告查看问题；也提供 HTTP 接口 POST /api/check、GET /api/rules、GET /api/health。"
                + "规则文件夹改动后自动重新编译生效，编译失败时继续使用原有规则。")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "监听端口（默认 8080；0 为任选空闲端口）")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "监听地址（默认 127.0.0.1，仅本机可访问）；其他地址必须同时设置 --token")
    String bind;

    @Option(names = "--token", paramLabel = "T",
            description = "访问令牌：接口请求须带请求头 Authorization: Bearer T（也可用环境变量 SELFEVAL_TOKEN）")
    String token;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "64", description = "一次上传的大小上限（MB，默认 64）")
    int maxUploadMb;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "同时处理的请求数上限，超出的请求排队等候（默认为处理器核数，至少 2）")
    Integer maxConcurrent;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "64", description = "排队等候的请求数上限，队列已满或等候超过 120 秒时返回 503（默认 64）")
    int maxQueued;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "每个请求的处理时限（秒，默认 300）")
    int requestTimeout;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) throw CliException.usage("--port 应为 0～65535，实为：" + port);
        if (maxUploadMb < 1) throw CliException.usage("--max-upload-mb 应为不小于 1 的整数，实为：" + maxUploadMb);
        if (requestTimeout < 1) throw CliException.usage("--request-timeout 应为不小于 1 的整数，实为：" + requestTimeout);
        if (maxConcurrent != null && maxConcurrent < 1) throw CliException.usage("--max-concurrent 应为不小于 1 的整数，实为：" + maxConcurrent);
        String t = token != null ? token : System.getenv("SELFEVAL_TOKEN");
        SelfEvalServer.Options options = new SelfEvalServer.Options()
                .bind(bind).port(port).rules(rules.resolve()).rulesLabel(rules.given())
                .ruleCache(rules.noCache ? io.selfeval.rules.RuleCache.none() : io.selfeval.rules.RuleCache.standard()).token(t)
                .maxUploadBytes(maxUploadMb * 1024L * 1024L)
                .requestTimeout(Duration.ofSeconds(requestTimeout));
        if (maxConcurrent != null) options.maxConcurrent(maxConcurrent);
        if (maxQueued < 0) throw CliException.usage("--max-queued 应为不小于 0 的整数，实为：" + maxQueued);
        options.maxQueued(maxQueued);
        SelfEvalServer server;
        try {
            server = SelfEvalServer.start(options);
        } catch (RuleCompileException e) {
            List<String> lines = new ArrayList<>();
            lines.add("规则编译失败：");
            e.getProblems().forEach(p -> lines.add("  " + p));
            throw new CliException(Main.EXIT_USAGE, lines);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (RuntimeException e) {
            throw CliException.usage("无法启动服务（" + bind + ":" + port + "）：" + Main.describe(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "selfeval-serve-stop"));
        err.println("selfeval 服务已启动：" + server.url() + "（规则：" + rules.given() + "，改动后自动生效；按 Ctrl+C 停止）");
        err.flush();
        stopped.await();
        return Main.EXIT_OK;
    }
}
