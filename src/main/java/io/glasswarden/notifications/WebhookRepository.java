package io.glasswarden.notifications;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Webhook subscriptions, oldest first. */
@ApplicationScoped
class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    Page<WebhookSubscription> page(PageRequest request) {
        PanacheQuery<WebhookSubscription> query = findAll(Sort.by("createdAt").and("id"));
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(),
                query.count());
    }

    List<WebhookSubscription> all() {
        return listAll(Sort.by("createdAt").and("id"));
    }
}
