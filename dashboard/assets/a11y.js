/* Names and roles that Dash 4's own controls leave out or get wrong, mended in the DOM.

   - dcc.RadioItems / dcc.Checklist render `div[role=listbox]` around `label[role=option]`
     that hold real radio and checkbox inputs (axe: nested-interactive, and a listbox
     without a name). The layout wraps each group in a fieldset with a legend; here the
     listbox and option roles go, so the native inputs speak for themselves.
   - dcc.Dropdown puts a focusable input inside aria-hidden (a Safari workaround that
     hands focus on to the real button, which has tabindex -1). The button becomes the
     tab stop and the hidden input leaves the tab order; the button is named by the
     control's label (`data-labelledby` on a wrapper) as well as its value. Its open
     menu is a group of radios or checkboxes, not a listbox.
   - dcc.Slider's thumb (`role=slider`) and number box have no name: both take the label
     of the wrapper.

   Wrappers say which label names the controls inside: `data-labelledby="LABEL_ID"`.
   React sets these attributes once when it mounts an element and again only when a
   prop changes, so mending after each DOM change holds; the observer watches the few
   attributes Dash rewrites (aria-selected on a click, tabindex on the dropdown's blur). */
(function () {
  "use strict";

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function drop(el, name) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  }

  function optionGroups(root) {
    root.querySelectorAll(".dash-options-list[role=listbox]").forEach((list) => {
      const inMenu = list.classList.contains("dash-dropdown-options");
      if (inMenu) {
        const multi = list.querySelector("input[type=checkbox]") !== null;
        set(list, "role", multi ? "group" : "radiogroup");
      } else {
        drop(list, "role");  // the fieldset around it is the group
      }
    });
    root.querySelectorAll(".dash-options-list-option[role=option], .dash-options-list-option[aria-selected]")
      .forEach((label) => { drop(label, "role"); drop(label, "aria-selected"); });
  }

  function dropdowns(root) {
    root.querySelectorAll(".dash-dropdown-focus-target").forEach((dummy) => {
      set(dummy, "tabindex", "-1");
      const button = dummy.nextElementSibling;
      if (button && button.classList.contains("dash-dropdown") && !button.disabled) {
        set(button, "tabindex", "0");
        set(button, "aria-haspopup", "dialog");
      }
    });
  }

  function named(root) {
    root.querySelectorAll("[data-labelledby]").forEach((wrapper) => {
      const label = wrapper.dataset.labelledby;
      wrapper.querySelectorAll("[role=slider], input[type=number], input[type=text], input[type=search], input:not([type])")
        .forEach((el) => { if (!el.classList.contains("dash-dropdown-focus-target")) set(el, "aria-labelledby", label); });
      wrapper.querySelectorAll("button.dash-dropdown").forEach((button) => {
        const value = button.querySelector(".dash-dropdown-value");
        set(button, "aria-labelledby", value && value.id ? `${label} ${value.id}` : label);
      });
    });
    const trigger = document.querySelector("button.dash-dropdown[aria-expanded=true]");
    const label = trigger && trigger.getAttribute("aria-labelledby");
    if (label) {  // the open menu (a dialog, and the options group inside) is named by the control's label
      root.querySelectorAll(".dash-dropdown-content, .dash-dropdown-content .dash-options-list")
        .forEach((menu) => set(menu, "aria-labelledby", label.split(" ")[0]));
    }
  }

  let queued = false;
  function mend() {
    queued = false;
    optionGroups(document);
    dropdowns(document);
    named(document);
  }

  function schedule() {
    if (!queued) {
      queued = true;
      queueMicrotask(mend);
    }
  }

  function relevant(records) {
    return records.some((r) => r.type !== "attributes"
      || !(r.target instanceof SVGElement));  // map restyles change SVG paths only
  }

  const observer = new MutationObserver((records) => { if (relevant(records)) schedule(); });
  function start() {
    observer.observe(document.body, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["role", "aria-selected", "tabindex", "aria-expanded"],
    });
    mend();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  window.pdarA11y = { mend };
})();
