package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

// usage: shot BASE USER PASS OUTDIR name=path...
func main() {
	base, user, pass, out := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 1800))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	ctx, cancel3 := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel3()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/sign-in"), chromedp.WaitVisible("#username"),
		chromedp.SendKeys("#username", user), chromedp.SendKeys("#password", pass), chromedp.Click("#sign-in"),
		chromedp.WaitNotPresent("#sign-in")); err != nil {
		fmt.Println("sign in:", err)
		os.Exit(1)
	}
	for _, a := range os.Args[5:] {
		var name, path string
		for i := range a {
			if a[i] == '=' {
				name, path = a[:i], a[i+1:]
				break
			}
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitReady("footer")); err != nil {
			fmt.Println(name, err)
			continue
		}
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			fmt.Println(name, err)
			continue
		}
		os.WriteFile(out+"/"+name+".jpg", buf, 0o644)
		fmt.Println("wrote", name)
	}
}
