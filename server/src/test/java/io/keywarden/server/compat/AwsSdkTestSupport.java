package io.keywarden.server.compat;

import io.keywarden.server.support.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the compatibility suite: the real AWS SDK for Java v2 ({@code IamClient}, {@code StsClient}) pointed at the
 * running test server with {@code endpointOverride}, exactly as an application would configure it. Retries are off so
 * that every test sees the first answer (the clock-skew test turns them back on).
 */
abstract class AwsSdkTestSupport extends ServerTestSupport {
    private final List<SdkClient> clients = new ArrayList<>();

    protected IamClient rootIam() {
        return iam(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
    }

    protected StsClient rootSts() {
        return sts(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
    }

    protected IamClient iam(AccessKey key) {
        return iam(key.accessKeyId(), key.secretAccessKey());
    }

    protected StsClient sts(AccessKey key) {
        return sts(key.accessKeyId(), key.secretAccessKey());
    }

    protected IamClient iam(String accessKeyId, String secret) {
        return iam(accessKeyId, secret, Region.US_EAST_1);
    }

    protected IamClient iam(String accessKeyId, String secret, Region region) {
        return track(IamClient.builder()
                .endpointOverride(baseUri())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
    }

    protected StsClient sts(String accessKeyId, String secret) {
        return sts(accessKeyId, secret, Region.US_EAST_1);
    }

    protected StsClient sts(String accessKeyId, String secret, Region region) {
        return track(StsClient.builder()
                .endpointOverride(baseUri())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
    }

    protected <T extends SdkClient> T track(T client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    @AfterAll
    void closeClients() {
        synchronized (clients) {
            clients.forEach(SdkClient::close);
            clients.clear();
        }
    }
}
