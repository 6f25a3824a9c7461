package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * PutKeyExpiryPolicy's body: the whole policy, every part optional but at least one rule; days are 1 to 3650.
 *
 * @param warnAfterDays             warn about an Active key this many days after its creation (W &lt; D)
 * @param deactivateAfterDays       deactivate an Active key this many days after its creation
 * @param deleteAfterDays           delete a key that stayed Inactive and unused this many days
 * @param unusedWarnAfterDays       warn about an Active key unused this many days (from creation when never used)
 * @param unusedDeactivateAfterDays deactivate an Active key unused this many days
 * @param exemptions                owners' tags that exempt their keys (at most 50)
 * @param dryRun                    only report what the policy would do
 */
@Introspected
@Schema(name = "PutKeyExpiryPolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record KeyExpiryPolicyBody(@Nullable @Schema(minimum = "1", maximum = "3650") Integer warnAfterDays,
                                  @Nullable @Schema(minimum = "1", maximum = "3650") Integer deactivateAfterDays,
                                  @Nullable @Schema(minimum = "1", maximum = "3650") Integer deleteAfterDays,
                                  @Nullable @Schema(minimum = "1", maximum = "3650") Integer unusedWarnAfterDays,
                                  @Nullable @Schema(minimum = "1", maximum = "3650") Integer unusedDeactivateAfterDays,
                                  @Nullable List<KeyExpiryExemptionDto> exemptions,
                                  @Nullable Boolean dryRun) {
}
