// Ten failures lock one account out of sign-in from one address, and only from that address:
// a stranger who keeps typing the owner's email locks out the stranger, never the owner.
import { readFileSync } from "node:fs";
import { contextFrom, expect, test } from "../fixtures";
import { nextServerAction, OWNER_CREDENTIALS, uniqueEmail } from "../support";

test("after 10 failed sign-ins from one address the next is told to wait; the owner elsewhere is not", async ({ browser }) => {
  const owner = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8")) as { email: string; password: string };
  const stranger = await contextFrom(browser);
  const { page } = stranger;
  const alert = page.locator("form").getByRole("alert");
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    const answered = nextServerAction(page);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
  };

  await page.goto("/sign-in");
  for (let n = 1; n <= 10; n++) {
    await attempt(owner.email, `wrong-password-${n}`);
    await expect(alert).toHaveText("Invalid email or password.");
  }
  await attempt(owner.email, "wrong-password-11");
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
  // Even the right password waits, from this address.
  await attempt(owner.email, owner.password);
  await expect(alert).toHaveText(/^Too many sign-in attempts/);

  // Another account from the same address is not locked by these failures.
  await attempt(uniqueEmail("neighbour"), "some-password");
  await expect(alert).toHaveText("Invalid email or password.");

  // The owner, from their own address, signs in at once.
  const home = await contextFrom(browser);
  await home.page.goto("/sign-in");
  await home.page.getByLabel("Email").fill(owner.email);
  await home.page.getByLabel("Password").fill(owner.password);
  await home.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(home.page).toHaveURL(/\/settings\/api-keys$/);

  await stranger.context.close();
  await home.context.close();
});
