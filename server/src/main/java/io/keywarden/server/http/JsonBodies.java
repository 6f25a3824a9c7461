package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.server.http.dto.ConsoleSignInBody;
import io.keywarden.server.http.dto.AssumeRoleBody;
import io.keywarden.server.http.dto.CreateAccessKeyBody;
import io.keywarden.server.http.dto.QuarantineBody;
import io.keywarden.server.http.dto.TagsBody;
import io.keywarden.server.http.dto.AttachUserPolicyBody;
import io.keywarden.server.http.dto.CreatePolicyBody;
import io.keywarden.server.http.dto.AttachRolePolicyBody;
import io.keywarden.server.http.dto.CreateRoleBody;
import io.keywarden.server.http.dto.CreateUserBody;
import io.keywarden.server.http.dto.PolicyDocumentBody;
import io.keywarden.server.http.dto.UpdateRoleBody;
import io.keywarden.server.http.dto.PutUserPolicyBody;
import io.keywarden.server.http.dto.SessionTokenBody;
import io.keywarden.server.http.dto.SimulationBody;
import io.keywarden.server.http.dto.UpdateAccessKeyBody;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict reading of the JSON request bodies into the records of {@code io.keywarden.server.http.dto}: the body must
 * be a JSON object holding only the record's fields, each of its declared JSON type (no coercion of {@code 5} into
 * {@code "5"}), and every component not marked {@code @Nullable}. Unknown fields are refused, not ignored: an ignored
 * field would still reach the audit trail's {@code requestParameters} and let a caller record there what the server
 * never read. Every refusal is a {@code ValidationError} in AWS's wording; a missing body is refused by
 * {@link KeywardenErrorResponseProcessor}. Serde picks a deserializer by the exact type, hence one bean per body.
 */
@Factory
public final class JsonBodies {
    @Singleton
    Deserializer<CreateUserBody> createUser() {
        return strict(CreateUserBody.class);
    }

    @Singleton
    Deserializer<UpdateAccessKeyBody> updateAccessKey() {
        return strict(UpdateAccessKeyBody.class);
    }

    @Singleton
    Deserializer<PutUserPolicyBody> putUserPolicy() {
        return strict(PutUserPolicyBody.class);
    }

    @Singleton
    Deserializer<CreatePolicyBody> createPolicy() {
        return strict(CreatePolicyBody.class);
    }

    @Singleton
    Deserializer<AttachUserPolicyBody> attachUserPolicy() {
        return strict(AttachUserPolicyBody.class);
    }

    @Singleton
    Deserializer<SimulationBody> simulation() {
        return strict(SimulationBody.class);
    }

    @Singleton
    Deserializer<AssumeRoleBody> assumeRole() {
        return strict(AssumeRoleBody.class);
    }

    @Singleton
    Deserializer<SessionTokenBody> sessionToken() {
        return strict(SessionTokenBody.class);
    }

    @Singleton
    Deserializer<CreateRoleBody> createRole() {
        return strict(CreateRoleBody.class);
    }

    @Singleton
    Deserializer<UpdateRoleBody> updateRole() {
        return strict(UpdateRoleBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.CreateWebhookBody> createWebhook() {
        return strict(io.keywarden.server.http.dto.CreateWebhookBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.UpdateWebhookBody> updateWebhook() {
        return strict(io.keywarden.server.http.dto.UpdateWebhookBody.class);
    }

    @Singleton
    Deserializer<PolicyDocumentBody> policyDocument() {
        return strict(PolicyDocumentBody.class);
    }

    @Singleton
    Deserializer<AttachRolePolicyBody> attachRolePolicy() {
        return strict(AttachRolePolicyBody.class);
    }

    @Singleton
    Deserializer<TagsBody> tags() {
        return strict(TagsBody.class);
    }

    @Singleton
    Deserializer<CreateAccessKeyBody> createAccessKey() {
        return strict(CreateAccessKeyBody.class);
    }

    @Singleton
    Deserializer<QuarantineBody> quarantine() {
        return strict(QuarantineBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.CreateLoginProfileBody> createLoginProfile() {
        return strict(io.keywarden.server.http.dto.CreateLoginProfileBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.UpdateLoginProfileBody> updateLoginProfile() {
        return strict(io.keywarden.server.http.dto.UpdateLoginProfileBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.ChangePasswordBody> changePassword() {
        return strict(io.keywarden.server.http.dto.ChangePasswordBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.PasswordPolicyBody> passwordPolicy() {
        return strict(io.keywarden.server.http.dto.PasswordPolicyBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.AccountAliasBody> accountAlias() {
        return strict(io.keywarden.server.http.dto.AccountAliasBody.class);
    }

    @Singleton
    Deserializer<io.keywarden.server.http.dto.KeyExpiryPolicyBody> keyExpiryPolicy() {
        return strict(io.keywarden.server.http.dto.KeyExpiryPolicyBody.class);
    }

    @Singleton
    Deserializer<ConsoleSignInBody> consoleSignIn() {
        return strict(ConsoleSignInBody.class);
    }

    static <T> Deserializer<T> strict(Class<T> type) {
        BeanIntrospection<T> record = BeanIntrospection.getIntrospection(type);
        return new Deserializer<>() {
            @Override
            public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> t) throws IOException {
                return read(record, decoder.decodeNode());
            }

            @Override
            public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> t)
                    throws IOException {
                return deserialize(decoder, context, t); // a JSON null is "not an object", like any other non-object
            }
        };
    }

    static <T> T read(BeanIntrospection<T> record, JsonNode body) {
        if (!body.isObject()) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "request body must be a JSON object");
        }
        Argument<?>[] fields = record.getConstructorArguments();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (!declares(fields, entry.getKey())) {
                throw KeywardenException.validation(KeywardenErrorResponseProcessor.echo(entry.getKey()),
                        "Member is not a field of this request");
            }
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = value(fields[i], body.get(fields[i].getName()));
        }
        return record.instantiate(values);
    }

    private static boolean declares(Argument<?>[] fields, String name) {
        for (Argument<?> field : fields) {
            if (field.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object value(Argument<?> field, JsonNode value) {
        String name = field.getName();
        if (value == null || value.isNull()) {
            if (!field.isNullable()) {
                throw KeywardenException.validation(name, "Member must not be null");
            }
            return null;
        }
        if (field.getType() == String.class) {
            if (!value.isString()) {
                throw KeywardenException.validation(name, "Member must be a string");
            }
            return value.getStringValue();
        }
        if (field.getType() == Integer.class) {
            Number n = value.isNumber() ? value.getNumberValue() : null;
            if (n instanceof Integer i) {
                return i;
            }
            if (n instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l.longValue();
            }
            throw KeywardenException.validation(name, "Member must be an integer");
        }
        if (field.getType() == Boolean.class) {
            if (!value.isBoolean()) {
                throw KeywardenException.validation(name, "Member must be true or false");
            }
            return value.getBooleanValue();
        }
        if (field.getType() == Map.class) {
            if (!value.isObject()) {
                throw KeywardenException.validation(name, "Member must be an object");
            }
            return plain(value);
        }
        if (field.getType() == Integer.class) {
            Object number = value.isNumber() ? value.getNumberValue() : null;
            boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof java.math.BigInteger;
            if (!whole || ((Number) number).longValue() != ((Number) number).intValue()
                    || (number instanceof java.math.BigInteger b && b.bitLength() > 31)) {
                throw KeywardenException.validation(name, "Member must be a whole number");
            }
            return ((Number) number).intValue();
        }
        if (field.getType() == List.class) {
            if (!value.isArray()) {
                throw KeywardenException.validation(name, "Member must be a list");
            }
            Argument<?> element = field.getTypeParameters()[0];
            if (element.getType() == String.class) {
                List<Object> out = new ArrayList<>(value.size());
                for (JsonNode v : value.values()) {
                    if (!v.isString()) {
                        throw KeywardenException.validation(name, "Member must be a list of strings");
                    }
                    out.add(v.getStringValue());
                }
                return out;
            }
            BeanIntrospection<?> item = BeanIntrospection.getIntrospection(element.getType());
            List<Object> out = new ArrayList<>(value.size());
            for (JsonNode v : value.values()) {
                out.add(read(item, v));
            }
            return out;
        }
        throw new IllegalStateException("request body field " + name + " has a type JsonBodies does not read: "
                + field.getType().getName());
    }

    /** A JSON value as String, Number, Boolean, List, Map (insertion-ordered) or null. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.entries().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.values().forEach(v -> out.add(plain(v)));
            return out;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return null;
    }
}
