package com.claimflow.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of notification the UI shows: "done" and "could not, because ...". */
public final class Notices {
    private Notices() {
    }

    public static Notification success(String text) {
        Notification n = new Notification(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.open();
        return n;
    }

    public static Notification info(String text) {
        Notification n = new Notification(text, 4000, Notification.Position.MIDDLE);
        n.open();
        return n;
    }

    public static Notification error(String text) {
        Notification n = new Notification(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
        return n;
    }
}
