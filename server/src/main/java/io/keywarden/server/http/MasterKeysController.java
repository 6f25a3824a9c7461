package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.server.http.dto.MasterKeyStatusDto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/** The master keys that seal secrets at rest: GetMasterKeyStatus. */
@Controller("/v1/master-keys")
@Tag(name = "master-keys")
public class MasterKeysController {
    private final OperationCalls calls;

    public MasterKeysController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * GetMasterKeyStatus: per master key version, whether it is configured on this node, whether it is the newest
     * (sealing new secrets) and how many stored secrets are sealed under it; and the background re-seal's state (lease
     * holder, progress, last run). Needs {@code keywarden:GetMasterKeyStatus} (resource {@code *}).
     *
     * @return the status
     */
    @Operation(operationId = "GetMasterKeyStatus")
    @ApiDocs.SignedCall
    @Get
    public CompletableFuture<MasterKeyStatusDto> status(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GET_MASTER_KEY_STATUS, Requests.GetMasterKeyStatus::new, 200)
                .thenApply(MasterKeysController::dto);
    }

    private static MasterKeyStatusDto dto(Results.MasterKeyStatus s) {
        Results.ResealEntry r = s.reseal();
        return new MasterKeyStatusDto(s.newestVersion(), s.versions().stream()
                .map(v -> new MasterKeyStatusDto.Version(v.version(), v.configured(), v.newest(), v.sealedSecrets()))
                .toList(),
                new MasterKeyStatusDto.Reseal(r.state(), r.targetVersion(), r.leaseHolder(), r.leaseExpiresAt(),
                        r.resealed(), r.remaining(), r.startedAt(), r.lastBatchAt(), r.finishedAt(), r.lastError()));
    }
}
