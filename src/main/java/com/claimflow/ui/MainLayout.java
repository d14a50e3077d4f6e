package com.claimflow.ui;

import com.claimflow.identity.Roles;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * The frame of every signed-in page: the menu (only the views the person may open), the page's title, and who is
 * signed in with which roles.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private final Span pageTitle = new Span();

    public MainLayout(AuthenticationContext auth) {
        Span brand = new Span("ClaimFlow");
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        pageTitle.setId("page-title");
        pageTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("color", "var(--lumo-secondary-text-color)");
        String user = auth.getPrincipalName().orElse("");
        String roles = auth.getGrantedAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(Roles::groupOf).sorted().collect(Collectors.joining(", "));
        Span who = new Span(roles.isEmpty() ? user : user + " · " + roles);
        who.setId("signed-in-as");
        who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button logout = new Button("Sign out", e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, pageTitle, who, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(pageTitle);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
